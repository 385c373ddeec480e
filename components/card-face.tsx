/* eslint-disable @next/next/no-img-element -- card faces are small static or uploaded images */
import { useTranslations } from "next-intl";

/** The product's card face with the name as it will be printed. */
export function CardFace({ image, name, productName }: { image: string | null; name: string; productName: string }) {
  const t = useTranslations("CardFace");
  return (
    <figure className="relative aspect-[428/270] w-full max-w-sm overflow-hidden rounded-xl bg-slate-700 shadow">
      {image ? <img src={image} alt="" className="absolute inset-0 h-full w-full object-cover" /> : null}
      <figcaption className="absolute right-[8%] bottom-[14%] left-[8%] truncate font-mono text-lg tracking-widest text-white drop-shadow">
        {name || " "}
      </figcaption>
      <span className="sr-only">{t("preview", { product: productName, name: name || t("emptyName") })}</span>
    </figure>
  );
}
