import Link from "next/link";

/** Previous / next links that keep the other search parameters. */
export function Pager({
  page,
  hasMore,
  params,
  label = "Audit log pages",
}: {
  page: number;
  hasMore: boolean;
  params: Record<string, string | undefined>;
  label?: string;
}) {
  const href = (p: number) =>
    `?${new URLSearchParams(Object.entries({ ...params, page: String(p) }).filter((e): e is [string, string] => Boolean(e[1]))).toString()}`;
  return (
    <nav aria-label={label} className="flex items-center gap-4 text-sm">
      {page > 1 ? (
        <Link className="font-semibold text-brand-700 underline" href={href(page - 1)}>
          Newer entries
        </Link>
      ) : null}
      <span>Page {page}</span>
      {hasMore ? (
        <Link className="font-semibold text-brand-700 underline" href={href(page + 1)}>
          Older entries
        </Link>
      ) : null}
    </nav>
  );
}
