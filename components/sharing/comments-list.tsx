import type { ReactNode } from "react";
import { formatDateTime } from "@/lib/format";
import type { CommentDto } from "@/lib/mentors/types";

/** Comments as plain text (React escapes it: markup in a comment shows as typed). */
export function CommentsList({ comments, renderAction }: { comments: readonly CommentDto[]; renderAction?: (comment: CommentDto) => ReactNode }) {
  return (
    <ul className="space-y-3">
      {comments.map((comment) => (
        <li key={comment.id} className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {comment.authorName ? <span className="font-medium text-slate-800 dark:text-slate-200">{comment.authorName}</span> : null}
            {comment.authorName ? " · " : null}
            {formatDateTime(comment.createdAt)}
            {comment.itemTitle ? ` · on ${comment.itemTitle}` : null}
          </p>
          <p className="mt-1 whitespace-pre-wrap break-words">{comment.text}</p>
          {renderAction ? <div className="mt-2">{renderAction(comment)}</div> : null}
        </li>
      ))}
    </ul>
  );
}
