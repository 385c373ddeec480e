"use server";

import { db } from "@/db";
import { searchCustomers } from "@/db/queries/customers";
import { createAction } from "@/lib/actions/action";
import { AREA_ROLES } from "@/lib/auth/roles";
import { customerViewer, takeSearch } from "@/lib/customer-access";
import { searchCustomersSchema } from "@/lib/validations/issuance";

/**
 * The counter's one search box: name (typo-tolerant), customer number, national id, phone, account.
 * Limited per user and minute; every customer in the answer goes to the customer access log.
 */
export const searchCustomersAction = createAction({
  name: "searchCustomers",
  roles: AREA_ROLES.teller,
  input: searchCustomersSchema,
  handler: ({ query }, { user }) => {
    takeSearch(user.id);
    return searchCustomers({ db, query, viewer: customerViewer(user) });
  },
});
