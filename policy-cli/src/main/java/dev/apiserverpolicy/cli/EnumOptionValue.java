package dev.apiserverpolicy.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * Reads an enum option by the name it shows ({@code toString}: {@code kkp-v2.31}, {@code error}),
 * in any case. Picocli's own conversion also accepts, and lists in its error, the Java constant
 * names, which are not part of our interface.
 */
final class EnumOptionValue<E extends Enum<E>> implements CommandLine.ITypeConverter<E> {
  private final Class<E> type;
  private final String what;

  EnumOptionValue(Class<E> type, String what) {
    this.type = type;
    this.what = what;
  }

  @Override
  public E convert(String value) {
    for (E constant : type.getEnumConstants()) {
      if (constant.toString().equalsIgnoreCase(value)) {
        return constant;
      }
    }
    throw new CommandLine.TypeConversionException("unknown " + what + " '" + value + "' (use one of: "
        + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", ")) + ")");
  }

  static <E extends Enum<E>> void register(CommandLine commandLine, Class<E> type, String what) {
    commandLine.registerConverter(type, new EnumOptionValue<>(type, what.toLowerCase(Locale.ROOT)));
  }
}
