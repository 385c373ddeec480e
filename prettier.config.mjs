/**
 * Prettier formats every source, style, JSON and Markdown file; `npm run check` fails on a file it
 * would change (`npm run format` fixes them). The Tailwind plugin sorts class names in the order
 * Tailwind applies them, reading our theme from app/globals.css.
 * @type {import("prettier").Config}
 */
const config = {
  printWidth: 120,
  plugins: ["prettier-plugin-tailwindcss"],
  tailwindStylesheet: "./app/globals.css",
  tailwindFunctions: ["cn", "clsx"],
};

export default config;
