import { z } from "zod";
import { LOCALES } from "@/lib/vocabulary";

export const setLanguageSchema = z.object({
  language: z.enum(LOCALES, "Choose one of the languages offered: en (English) or de (Deutsch)."),
});
