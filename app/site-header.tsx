import { SignOutButton } from "@/components/auth/sign-out-button";
import { MENU_ITEM } from "@/components/shell/nav-styles";
import { SiteHeader } from "@/components/shell/site-header";
import { StartLinks } from "@/components/shell/start-links";
import { Suspense } from "react";
import { getSessionUser } from "@/lib/auth/session";

/** The one header of every page, for whoever is signed in (or nobody). Not a route: no page.tsx. */
export async function Header() {
  const user = await getSessionUser();
  return <SiteHeader user={user ? { name: user.name } : null} signOut={<SignOutButton className={MENU_ITEM} />} />;
}

type StartLinksProps = Omit<Parameters<typeof StartLinks>[0], "isSignedIn">;

async function SessionStartLinks(props: StartLinksProps) {
  const user = await getSessionUser();
  return <StartLinks isSignedIn={user !== null} {...props} />;
}

/** The public pages' calls to action for whoever is visiting; signed-out links until the session is read. */
export function VisitorStartLinks(props: StartLinksProps) {
  return (
    <Suspense fallback={<StartLinks isSignedIn={false} {...props} />}>
      <SessionStartLinks {...props} />
    </Suspense>
  );
}
