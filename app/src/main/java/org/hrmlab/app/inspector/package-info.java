/**
 * The inspector: one time cursor over every recorded update drives the decoded grid, the zL/zH heat maps, the
 * residual and Q plots and the participation-ratio readings. {@code InspectorViewModel} holds the state and commands
 * (no nodes); {@code InspectorView} draws it.
 */
package org.hrmlab.app.inspector;
