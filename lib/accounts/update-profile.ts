import "server-only";
import type { AccountDto } from "@/lib/accounts/dto";
import { getAccount } from "@/lib/accounts/get-account";
import type { UpdateProfileInput } from "@/lib/accounts/schemas";
import { getDb } from "@/lib/db";

export async function updateProfile(userId: string, input: UpdateProfileInput): Promise<AccountDto> {
  await getDb().user.updateMany({ where: { id: userId }, data: { name: input.name } });
  return getAccount(userId);
}
