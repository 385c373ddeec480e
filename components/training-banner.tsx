import { getTranslations } from "next-intl/server";

/**
 * On every screen of a person in training (docs/training.md): nothing they do here is real work.
 * A status region, so a screen reader reads it with the page, and a striped bar besides the
 * colour, so it does not rest on colour alone.
 */
export async function TrainingBanner() {
  const t = await getTranslations("Training");
  return (
    <div
      role="status"
      data-testid="training-banner"
      className="border-b-4 border-dashed border-amber-700 bg-amber-100 px-4 py-2 text-center font-semibold text-amber-950"
    >
      {t("banner")}
    </div>
  );
}
