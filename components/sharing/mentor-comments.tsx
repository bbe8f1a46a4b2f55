"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { errorMessage, fetchJson } from "@/components/api/fetch-json";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { CommentDto } from "@/lib/mentors/types";
import { CommentsList } from "./comments-list";
import { sharingKeys } from "./keys";

/** The dashboard's comments from mentors; hidden while there are none. */
export function MentorComments() {
  const client = useQueryClient();
  const comments = useQuery({ queryKey: sharingKeys.comments, queryFn: () => fetchJson<{ comments: CommentDto[] }>("/api/comments").then((a) => a.comments) });
  const remove = useMutation({
    mutationFn: (id: string) => fetchJson<void>(`/api/comments/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: (_answer, id) => client.setQueryData<CommentDto[]>(sharingKeys.comments, (list) => list?.filter((c) => c.id !== id)),
  });
  if (!comments.data || comments.data.length === 0) return null;
  return (
    <section aria-labelledby="mentor-comments-heading" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="mentor-comments-heading" className="text-lg font-semibold">
        Comments from your mentors
      </h2>
      <FormMessage tone="error">{remove.error ? errorMessage(remove.error) : null}</FormMessage>
      <div className="mt-3">
        <CommentsList
          comments={comments.data}
          renderAction={(comment) => (
            <Button variant="secondary" onClick={() => !remove.isPending && remove.mutate(comment.id)} isBusy={remove.isPending}>
              Delete<span className="sr-only"> the comment from {comment.authorName ?? "your mentor"}</span>
            </Button>
          )}
        />
      </div>
    </section>
  );
}
