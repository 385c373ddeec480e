/** Field error text, linked from its input with aria-describedby. */
export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <p id={id} aria-live="polite" className="mt-1 min-h-5 text-sm text-red-800">
      {errors?.[0] ?? ""}
    </p>
  );
}
