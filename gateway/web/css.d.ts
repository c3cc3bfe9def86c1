// Stylesheets imported by an entry are bundled by esbuild beside its script.
declare module '*.css';
