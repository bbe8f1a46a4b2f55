import { SignOutButton } from "@/components/auth/sign-out-button";
import { QueryProvider } from "@/components/providers/query-provider";
import { MENU_ITEM } from "@/components/shell/nav-styles";
import { SiteHeader } from "@/components/shell/site-header";
import { getSessionUser } from "@/lib/auth/session";

/** The one header of every page, for whoever is signed in (or nobody). Not a route: no page.tsx. */
export async function Header() {
  const user = await getSessionUser();
  return (
    // Its own provider for the sign-out button: the public pages and the 404 page have none.
    <QueryProvider>
      <SiteHeader user={user ? { name: user.name } : null} signOut={<SignOutButton className={MENU_ITEM} />} />
    </QueryProvider>
  );
}
