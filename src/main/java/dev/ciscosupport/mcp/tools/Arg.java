package dev.ciscosupport.mcp.tools;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a component of a tool's argument record says in the tool's input schema ({@link RecordSchemas}) and how it is
 * read ({@link RecordArguments}). The component's name, in snake case, is the argument's name.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
@interface Arg {
    /** What the model reads about the argument; empty when the name and the constraints say it all. */
    String value() default "";

    /** Must be given, and not blank. */
    boolean required() default false;

    /** For text: the longest accepted (0: no limit worth telling). */
    int maxLength() default 0;

    /** For text: the form it must have (a short pattern is shown to the model; a long one only costs tokens). */
    String pattern() default "";

    /** For text: the only values taken. */
    String[] choices() default {};

    /**
     * For text made of digits (case numbers, instance numbers, severities): also taken as a whole number, which clients
     * and models send for it (the Inspector's {@code --tool-arg} does so for every digit string).
     */
    boolean orWholeNumber() default false;

    /** For a yes/no (an {@code Object} component): also taken as text, read by the tool (a boolean or a string). */
    boolean alsoText() default false;

    /** For whole numbers: the smallest accepted. */
    int minimum() default Integer.MIN_VALUE;

    /** For whole numbers: the largest accepted. */
    int maximum() default Integer.MAX_VALUE;
}
