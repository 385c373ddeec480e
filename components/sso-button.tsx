import { signInSsoAction } from "@/lib/actions/auth/sign-in-sso";
import { Button } from "@/components/ui/button";

export function SsoButton({ label }: { label: string }) {
  return (
    <form action={signInSsoAction} className="mt-4 border-t border-slate-200 pt-4">
      <Button type="submit" variant="secondary" className="w-full">
        {label}
      </Button>
    </form>
  );
}
