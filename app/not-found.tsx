import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="mt-2 text-slate-700">The address may be mistyped, or the page has moved.</p>
      <Link href="/" className="mt-6 inline-block font-semibold text-brand-700 underline">
        Go to your home page
      </Link>
    </main>
  );
}
