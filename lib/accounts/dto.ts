// What the API and pages see of an account: never the password hash or session data.
export type AccountDto = {
  id: string;
  email: string;
  name: string | null;
  trackId: string | null;
  hasPassword: boolean;
  createdAt: string;
};

export type PublicUser = { id: string; email: string; name: string | null };
