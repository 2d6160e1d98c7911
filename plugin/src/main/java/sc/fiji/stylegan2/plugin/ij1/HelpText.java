package sc.fiji.stylegan2.plugin.ij1;

import org.scijava.command.CommandInfo;
import org.scijava.module.ModuleItem;
import sc.fiji.stylegan2.plugin.host.CommandFinder;
import sc.fiji.stylegan2.plugin.input.InputValues;

/**
 * The Help button of a bridge dialog: the command's description and every key with its description.
 */
final class HelpText {

    private HelpText() {}

    static String html(CommandInfo info) {
        StringBuilder sb =
                new StringBuilder("<html><h3>")
                        .append(escape(CommandFinder.menuName(info)))
                        .append("</h3>");
        if (info.getDescription() != null) {
            sb.append("<p>").append(escape(info.getDescription())).append("</p>");
        }
        sb.append("<table>");
        for (ModuleItem<?> item : CommandFinder.keys(info)) {
            sb.append("<tr><td><b>")
                    .append(item.getName())
                    .append("</b></td><td>")
                    .append(escape(InputValues.describe(item)))
                    .append("</td></tr>");
        }
        return sb.append("</table></html>").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
