import type { Metadata } from "next";
import { notFound } from "next/navigation";

export const metadata: Metadata = { title: "Page not found" };

/** Every address no other route takes: the public layout's 404 page (docs/decisions/022). */
export default function MissingPage(): never {
  notFound();
}
