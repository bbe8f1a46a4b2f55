"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { ApiError, errorMessage, fetchJson } from "@/components/api/fetch-json";
import { Button } from "@/components/ui/button";
import { FormField, inputClass } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { COMMENT_MAX_LENGTH } from "@/lib/mentors/schemas";

/** A mentor's comment to the person, on the whole plan or one item. */
export function CommentForm({ menteeId, items }: { menteeId: string; items: readonly { itemId: string; title: string }[] }) {
  const router = useRouter();
  const [text, setText] = useState("");
  const [itemId, setItemId] = useState("");
  const post = useMutation({
    mutationFn: () => fetchJson(`/api/mentees/${encodeURIComponent(menteeId)}/comments`, { method: "POST", json: { itemId: itemId || null, text } }),
    onSuccess: () => {
      setText("");
      router.refresh();
    },
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!post.isPending) post.mutate();
  }
  const textError = post.error instanceof ApiError && post.error.field === "text" ? post.error.message.replace(/^text: /, "") : null;
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      {items.length > 0 ? (
        <div>
          <label htmlFor="comment-item" className="block text-sm font-medium text-slate-800 dark:text-slate-200">
            About
          </label>
          <select id="comment-item" value={itemId} onChange={(event) => setItemId(event.target.value)} className={inputClass}>
            <option value="">The whole plan</option>
            {items.map((item) => (
              <option key={item.itemId} value={item.itemId}>
                {item.title}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <FormField id="comment-text" label="Your comment" hint={`Up to ${COMMENT_MAX_LENGTH} characters. The person sees it on their dashboard.`} error={textError}>
        {(control) => <textarea {...control} rows={4} maxLength={COMMENT_MAX_LENGTH} required value={text} onChange={(event) => setText(event.target.value)} className={inputClass} />}
      </FormField>
      <FormMessage tone="error">{post.error && !textError ? errorMessage(post.error) : null}</FormMessage>
      <FormMessage tone="success">{post.isSuccess ? "Comment sent." : null}</FormMessage>
      <Button type="submit" isBusy={post.isPending}>
        {post.isPending ? "Sending…" : "Send comment"}
      </Button>
    </form>
  );
}
