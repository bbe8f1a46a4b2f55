"use client";

import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CATALOG, type Catalog, withCustomCertifications } from "@/lib/catalog";
import { evaluateLadder, type LadderEvaluation } from "@/lib/ladder";
import { summarizeProgress } from "@/lib/progress/checklist";
import { fetchJson } from "@/components/api/fetch-json";
import { PROGRESS_MUTATION_KEY, queryKeys } from "@/components/api/query-keys";
import { hasSameFields, mergeProgressUpdate, untouchedItem } from "@/lib/progress/fields";
import type { ProgressUpdateInput } from "@/lib/progress/schemas";
import type { CustomCertification } from "@/lib/certifications/types";
import type { ProgressItem, ProgressList } from "@/lib/progress/types";

// The dashboard's react-query cache: the server render's data seeds it, every checklist
// write is applied at once (optimistic) and the ladder is recomputed in the browser with the
// same pure evaluator the server uses, then both are reconciled with the server.

// `initial` may be a function: it runs only when the cache is empty (the first render), so the
// dashboard derives its counts and ladder once from the rows the server sent (docs/decisions/020).
export function useProgress(initial: ProgressList | (() => ProgressList)) {
  return useQuery({ queryKey: queryKeys.progress, queryFn: () => fetchJson<ProgressList>("/api/progress"), initialData: initial });
}

export function useCertifications(initial: CustomCertification[]) {
  return useQuery({
    queryKey: queryKeys.certifications,
    queryFn: () => fetchJson<{ certifications: CustomCertification[] }>("/api/certifications").then((r) => r.certifications),
    initialData: initial,
  });
}

export function useLadder(initial: LadderEvaluation | (() => LadderEvaluation)) {
  return useQuery({ queryKey: queryKeys.ladder, queryFn: () => fetchJson<LadderEvaluation>("/api/ladder"), initialData: initial });
}

export function catalogOf(client: QueryClient): Catalog {
  return withCustomCertifications(CATALOG, client.getQueryData<CustomCertification[]>(queryKeys.certifications) ?? []);
}

function getItem(client: QueryClient, itemId: string): ProgressItem {
  return client.getQueryData<ProgressList>(queryKeys.progress)?.items.find((i) => i.itemId === itemId) ?? untouchedItem(itemId);
}

export function putItem(client: QueryClient, item: ProgressItem): void {
  const catalog = catalogOf(client);
  client.setQueryData<ProgressList>(queryKeys.progress, (list) => {
    const items = list?.items ?? [];
    const next = items.some((i) => i.itemId === item.itemId) ? items.map((i) => (i.itemId === item.itemId ? item : i)) : [...items, item];
    return { items: next, summary: summarizeProgress(catalog, next) };
  });
}

/** The ladder for what the browser holds now: the card follows every change at once. */
export function recomputeLadder(client: QueryClient, today: string): void {
  const list = client.getQueryData<ProgressList>(queryKeys.progress);
  if (list) client.setQueryData(queryKeys.ladder, evaluateLadder(catalogOf(client), list.items, today));
}

type Context = { previous: ProgressItem; optimistic: ProgressItem };

export function useSetItemProgress(itemId: string, today: string) {
  const client = useQueryClient();
  return useMutation<ProgressItem, Error, ProgressUpdateInput, Context>({
    mutationKey: PROGRESS_MUTATION_KEY,
    // Writes to one item go out one after another, in the order they were made, so a quick
    // "in progress" then "done" can never arrive at the server the other way round.
    scope: { id: `progress:${itemId}` },
    mutationFn: (update) =>
      fetchJson<{ item: ProgressItem }>(`/api/progress/${encodeURIComponent(itemId)}`, {
        method: "PUT",
        body: JSON.stringify(update),
      }).then((r) => r.item),
    onMutate: async (update) => {
      await Promise.all([client.cancelQueries({ queryKey: queryKeys.progress }), client.cancelQueries({ queryKey: queryKeys.ladder })]);
      const previous = getItem(client, itemId);
      const optimistic: ProgressItem = { ...previous, ...mergeProgressUpdate(previous, update) };
      putItem(client, optimistic);
      recomputeLadder(client, today);
      return { previous, optimistic };
    },
    onError: (_error, _update, context) => {
      // Roll back only if no newer change to this item was made meanwhile.
      if (context && hasSameFields(getItem(client, itemId), context.optimistic)) {
        putItem(client, context.previous);
        recomputeLadder(client, today);
      }
    },
    onSuccess: (item, _update, context) => {
      if (hasSameFields(getItem(client, itemId), context.optimistic)) {
        putItem(client, item);
        recomputeLadder(client, today);
      }
    },
    onSettled: async () => {
      // Reconcile with the server once the last pending write is done; earlier refetches
      // would briefly undo the optimistic state of writes still on their way.
      if (client.isMutating({ mutationKey: PROGRESS_MUTATION_KEY }) === 1) {
        await Promise.all([
          client.invalidateQueries({ queryKey: queryKeys.progress }),
          client.invalidateQueries({ queryKey: queryKeys.ladder }),
          client.invalidateQueries({ queryKey: queryKeys.plan }),
        ]);
      }
    },
  });
}
