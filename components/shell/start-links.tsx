import Link from "next/link";

/**
 * The calls to action of the public pages: signed out, sign up (and sign in); signed in,
 * "Go to your dashboard" instead.
 */
export function StartLinks({
  isSignedIn,
  primaryClass,
  secondaryClass,
  signUpLabel = "Create your account",
}: {
  isSignedIn: boolean;
  primaryClass: string;
  secondaryClass?: string;
  signUpLabel?: string;
}) {
  if (isSignedIn) {
    return (
      <Link href="/dashboard" className={primaryClass}>
        Go to your dashboard
      </Link>
    );
  }
  return (
    <>
      <Link href="/signup" className={primaryClass}>
        {signUpLabel}
      </Link>
      {secondaryClass ? (
        <Link href="/signin" className={secondaryClass}>
          Sign in
        </Link>
      ) : null}
    </>
  );
}
