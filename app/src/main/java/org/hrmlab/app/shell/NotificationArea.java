package org.hrmlab.app.shell;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** Shows the newest notices as AtlantaFX notifications in a corner of the window; infos close themselves. */
public final class NotificationArea extends VBox {
    private static final int MAX_SHOWN = 3;

    public NotificationArea(Notices notices) {
        getStyleClass().add("notification-area");
        setSpacing(8);
        setPadding(new Insets(16, 16, 130, 16));
        setMaxWidth(460);
        setMaxHeight(USE_PREF_SIZE);
        setPickOnBounds(false);
        StackPane.setAlignment(this, Pos.BOTTOM_RIGHT);
        setAlignment(Pos.BOTTOM_RIGHT);
        notices.latestProperty().addListener((o, was, now) -> {
            if (now != null) {
                show(now);
            }
        });
    }

    private void show(Notice notice) {
        var n = new Notification(notice.message());
        n.getStyleClass().addAll(Styles.ELEVATED_1,
                notice.level() == Notice.Level.ERROR ? Styles.DANGER : Styles.ACCENT);
        n.setPrefWidth(440);
        n.setMaxWidth(440);
        n.setMinHeight(USE_PREF_SIZE);
        n.setOnClose(e -> getChildren().remove(n));
        n.getStyleClass().add(notice.level() == Notice.Level.ERROR ? "error-notification" : "info-notification");
        getChildren().add(n);
        while (getChildren().size() > MAX_SHOWN) {
            getChildren().remove(0);
        }
        if (notice.level() == Notice.Level.INFO) {
            var wait = new PauseTransition(Duration.seconds(6));
            wait.setOnFinished(e -> getChildren().remove(n));
            wait.play();
        }
    }
}
