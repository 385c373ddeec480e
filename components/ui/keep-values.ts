import { startTransition, type FormEvent } from "react";

/**
 * React resets a `<form action>` after every submission, which throws away what was typed when
 * the server answers with field errors. Submitting through this handler keeps the values; the
 * `action` stays on the form so that it still works before JavaScript loads.
 */
export function keepValuesOnSubmit(formAction: (data: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => formAction(data));
  };
}
