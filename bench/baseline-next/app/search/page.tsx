import { SearchBox } from "./search-box";

export const dynamic = "force-dynamic";

export default function SearchPage() {
  return <SearchBox />;
}
