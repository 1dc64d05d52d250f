package org.hrmlab.app.puzzle;

import java.util.List;
import java.util.function.Consumer;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A list of puzzles to open in the inspector or the editor. For now it lists the bundled samples; dataset folders
 * (Sudoku-Extreme, Maze-Hard, ARC) come in through the puzzle layer's loaders.
 */
public final class DatasetBrowserView extends BorderPane {
    private final ListView<LabPuzzle> list = new ListView<>();

    public DatasetBrowserView(List<LabPuzzle> puzzles, Consumer<LabPuzzle> inspect, Consumer<LabPuzzle> edit) {
        getStyleClass().add("dataset-view");
        list.setId("dataset-list");
        list.getItems().setAll(puzzles);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(LabPuzzle p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.name() + "   \u00b7   " + p.kind().label() + " "
                        + p.input().rows() + "\u00d7" + p.input().cols()
                        + (p.hasAnswer() ? "   \u00b7   answer known" : ""));
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && selected() != null) {
                inspect.accept(selected());
            }
        });
        list.getSelectionModel().selectFirst();
        var open = new Button("Open in inspector");
        open.getStyleClass().add(Styles.ACCENT);
        open.setOnAction(e -> {
            if (selected() != null) {
                inspect.accept(selected());
            }
        });
        var editButton = new Button("Edit");
        editButton.setOnAction(e -> {
            if (selected() != null) {
                edit.accept(selected());
            }
        });
        var title = new Label("Puzzles");
        title.getStyleClass().add(Styles.TITLE_3);
        var note = new Label("Bundled samples. Dataset folders (Sudoku-Extreme, Maze-Hard, ARC) will be listed here"
                + " once the puzzle loaders are plugged in.");
        note.getStyleClass().add(Styles.TEXT_MUTED);
        note.setWrapText(true);
        var top = new VBox(6, title, note);
        top.setPadding(new Insets(16, 16, 8, 16));
        setTop(top);
        setCenter(list);
        BorderPane.setMargin(list, new Insets(0, 16, 0, 16));
        var buttons = new HBox(8, open, editButton);
        buttons.setPadding(new Insets(12, 16, 16, 16));
        setBottom(buttons);
    }

    private LabPuzzle selected() {
        return list.getSelectionModel().getSelectedItem();
    }
}
