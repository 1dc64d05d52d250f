/** Grid exports: a PNG with its DPI recorded, and the whole timeline as a numbered PNG sequence. */
package org.hrmlab.app.export;
