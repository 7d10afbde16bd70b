package org.pacekpi.widget.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * Serves this bundle's {@code /static} folder at {@code /pace/ui/*} through the servlet whiteboard's resource
 * support, in the default servlet context. The pattern is longer than the REST whiteboard's {@code /*}, so it wins.
 * The service object carries no behaviour: the whiteboard only reads its properties and this bundle's entries.
 */
@Component(service = WidgetFiles.class)
@HttpWhiteboardResource(pattern = WidgetFiles.PATTERN, prefix = WidgetFiles.PREFIX)
public class WidgetFiles {

    /** The URL pattern the files are served at. */
    public static final String PATTERN = "/pace/ui/*";

    /** The folder in this bundle the files come from. */
    public static final String PREFIX = "/static";
}
