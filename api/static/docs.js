// The API's description (/openapi.json) in Swagger UI; a separate file, as the page's policy allows no inline script.
"use strict";
window.ui = SwaggerUIBundle({ url: "openapi.json", dom_id: "#ui", deepLinking: true });
