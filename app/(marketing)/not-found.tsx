import { NotFoundContent } from "../not-found-content";

/**
 * Any unknown address (through [...missing]) and a share link that does not exist: inside the
 * public layout, so with its header and footer. Not a root not-found.tsx: Next.js renders the
 * root one, with the whole header, into the payload of every page (docs/decisions/022).
 */
export default function NotFound() {
  return <NotFoundContent />;
}
