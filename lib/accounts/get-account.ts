import "server-only";
import type { AccountDto } from "@/lib/accounts/dto";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

export async function getAccount(userId: string): Promise<AccountDto> {
  const user = await getDb().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, trackId: true, passwordHash: true, createdAt: true },
  });
  if (!user) throw new AppError("unauthorized", "Sign in to continue.");
  const { passwordHash, createdAt, ...rest } = user;
  return { ...rest, hasPassword: passwordHash !== null, createdAt: createdAt.toISOString() };
}
