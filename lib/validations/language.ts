import { z } from "zod";
import { LOCALES } from "@/lib/vocabulary";
import { v } from "@/lib/i18n/message";

export const setLanguageSchema = z.object({
  language: z.enum(LOCALES, v("Validation.language")),
});
