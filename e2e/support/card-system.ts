// The card system stub's control API (e2e/serve.ts starts it): what the bank's card system did
// with a card. Never card data: state, linked account, block reason and when.
import { CARD_SYSTEM_CONTROL_URL } from "./config";

export type StubCard = {
  state: "issued" | "active" | "blocked";
  accountNumber?: string;
  blockReason?: string;
  allocatedAt: string;
  blockedAt?: string;
};

export async function cardSystemCard(cardId: string): Promise<StubCard | null> {
  const response = await fetch(`${CARD_SYSTEM_CONTROL_URL}/cards/${encodeURIComponent(cardId)}`);
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`card system stub: ${response.status} ${await response.text()}`);
  return (await response.json()) as StubCard;
}
