import type { z } from "zod";
import { AppError } from "@/lib/errors";

// Input is parsed once, by the route handler, with the shared zod schema of the domain
// (docs/architecture.md, "Who parses input"). A refused parse is an AppError like any other.

/** The first issue of a failed parse, as a 400 naming the field. */
export function fromZodError(error: z.ZodError): AppError {
  const issue = error.issues[0];
  if (!issue) return new AppError("invalid_input", "The request is not valid.");
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.join(", ");
    return new AppError("invalid_input", `Unknown field${issue.keys.length > 1 ? "s" : ""}: ${keys}.`, { field: issue.keys[0] });
  }
  const field = issue.path.map(String).join(".");
  return new AppError("invalid_input", field ? `${field}: ${issue.message}` : issue.message, field ? { field } : {});
}

/** `data` parsed by `schema`; throws AppError("invalid_input") when it does not fit. */
export function parseInput<T extends z.ZodType>(schema: T, data: unknown): z.output<T> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}

/** parseInput for schemas with asynchronous steps (a large import yields to other requests while it is checked). */
export async function parseInputAsync<T extends z.ZodType>(schema: T, data: unknown): Promise<z.output<T>> {
  const parsed = await schema.safeParseAsync(data);
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}
