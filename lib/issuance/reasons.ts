// What the teller reads for each reason a card is issued (the reasons are in lib/vocabulary.ts), in
// English: the messages' Vocab.issuanceReason, which the screens show in the user's language.
import en from "@/lib/i18n/messages/en/common.json";
import type { IssuanceReason } from "@/lib/vocabulary";

export const REASON_LABEL: Record<IssuanceReason, string> = en.Vocab.issuanceReason;
