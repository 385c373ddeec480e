// Typed messages: a key that does not exist in the English messages fails `tsc`.
import type { Locale } from "@/lib/vocabulary";
import type { Messages } from "./messages";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
