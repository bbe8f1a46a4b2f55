"use client";

import {
  type MutateOptions,
  MutationObserver,
  type MutationObserverOptions,
  type MutationObserverResult,
  type QueryClient,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
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
// dashboard derives its counts and ladder once from the rows the server sent (docs/decisions/021).
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

function itemProgressMutation(client: QueryClient, itemId: string, today: string): MutationObserverOptions<ProgressItem, Error, ProgressUpdateInput, Context> {
  return {
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
  };
}

/** One item's writes, and what the last of them came to. */
export type ItemProgressWrites = {
  mutate: (update: ProgressUpdateInput, callbacks?: MutateOptions<ProgressItem, Error, ProgressUpdateInput, Context>) => void;
  variables: ProgressUpdateInput | undefined;
} & ({ isError: true; error: Error } | { isError: false; error: null });

/**
 * `useMutation` for one checklist item, with its observer made at the item's first write
 * rather than at every item's render: most items are never written in a visit, and one
 * observer per item was the largest per-item cost of the server render and of hydration
 * (docs/decisions/021). Writes, their order per item (the scope) and the error display work
 * as with `useMutation`: the same options, the same observer class.
 */
export function useSetItemProgress(itemId: string, today: string): ItemProgressWrites {
  const client = useQueryClient();
  const observer = useRef<MutationObserver<ProgressItem, Error, ProgressUpdateInput, Context> | null>(null);
  const unsubscribe = useRef<(() => void) | null>(null);
  const [result, setResult] = useState<MutationObserverResult<ProgressItem, Error, ProgressUpdateInput, Context> | null>(null);
  // A write in flight goes on after the item unmounts (filtered out); only its display stops.
  useEffect(
    () => () => {
      unsubscribe.current?.();
      unsubscribe.current = null;
      observer.current = null;
    },
    [],
  );
  const mutate = useCallback<ItemProgressWrites["mutate"]>(
    (update, callbacks) => {
      if (!observer.current) {
        observer.current = new MutationObserver(client, itemProgressMutation(client, itemId, today));
        unsubscribe.current = observer.current.subscribe(setResult);
      }
      // As useMutation's mutate: a refusal is shown from the result, not thrown.
      observer.current.mutate(update, callbacks).catch(() => {});
    },
    [client, itemId, today],
  );
  return result?.isError
    ? { mutate, variables: result.variables, isError: true, error: result.error }
    : { mutate, variables: result?.variables, isError: false, error: null };
}
