// Baseline for the receiver: a bare Next.js route handler that reads the body and answers 204.
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  await request.text();
  return new Response(null, { status: 204 });
}
