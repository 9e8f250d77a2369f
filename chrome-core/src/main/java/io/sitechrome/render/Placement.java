package io.sitechrome.render;

/** Where in a page a component goes when it is placed automatically. */
public enum Placement {
    /** Just before {@code </head>}. */
    HEAD,
    /** Right after the opening {@code <body>} tag. */
    BODY_START,
    /** Just before {@code </body>}. */
    BODY_END
}
