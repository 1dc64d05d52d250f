/** The lab window around the screens: menu, toolbar, theme, tabs and in-window notifications. */
package org.hrmlab.app.shell;
