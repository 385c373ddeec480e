"use server";

import { db } from "@/db";
import { searchCustomers } from "@/db/queries/customers";
import { createAction } from "@/lib/actions/action";
import { AREA_ROLES } from "@/lib/auth/roles";
import { searchCustomersSchema } from "@/lib/validations/issuance";

/** The counter's one search box: name (typo-tolerant), customer number, national id, phone, account. */
export const searchCustomersAction = createAction({
  name: "searchCustomers",
  roles: AREA_ROLES.teller,
  input: searchCustomersSchema,
  handler: ({ query }) => searchCustomers({ db, query }),
});
