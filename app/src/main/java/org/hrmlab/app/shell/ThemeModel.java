package org.hrmlab.app.shell;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.hrmlab.viz.grid.GridTheme;

/** Light or dark: the AtlantaFX stylesheet and the matching canvas colours. FX thread only. */
public final class ThemeModel {
    private final ReadOnlyObjectWrapper<GridTheme> gridTheme = new ReadOnlyObjectWrapper<>(GridTheme.LIGHT);

    public ReadOnlyObjectProperty<GridTheme> gridThemeProperty() {
        return gridTheme.getReadOnlyProperty();
    }

    public GridTheme getGridTheme() {
        return gridTheme.get();
    }

    public boolean isDark() {
        return gridTheme.get().dark();
    }

    /** Applies the current theme's stylesheet (call once when the first scene is created). */
    public void apply() {
        setDark(isDark());
    }

    /** Switches the whole application's look. */
    public void setDark(boolean dark) {
        var theme = dark ? new atlantafx.base.theme.PrimerDark() : new atlantafx.base.theme.PrimerLight();
        javafx.application.Application.setUserAgentStylesheet(theme.getUserAgentStylesheet());
        gridTheme.set(dark ? GridTheme.DARK : GridTheme.LIGHT);
    }
}
