import { NotFoundContent } from "../not-found-content";

/** A signed-in page's notFound() (a mentoring grant that is not the person's): inside the app's layout and header. */
export default function NotFound() {
  return <NotFoundContent />;
}
