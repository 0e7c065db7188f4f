// Deliberately empty: pdf.js then polyfills nothing from it (plan-parse supplies DOMMatrix).
module.exports = {};
