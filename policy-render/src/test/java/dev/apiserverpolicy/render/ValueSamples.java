package dev.apiserverpolicy.render;

import dev.apiserverpolicy.model.Cidr;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A value object with every attribute set, built by reflection over its Immutables builder, so
 * that a test over "every field" covers a field added tomorrow. Two variants differ in every
 * attribute that can differ: strings, optional booleans, enums, addresses and the values of maps
 * (map keys and plain booleans are the same in both, since maps merge by key and plain booleans
 * are only ever switched on). A type it has no sample for fails the test that asked, naming it.
 */
public final class ValueSamples {
  private ValueSamples() {}

  public static <T> T sample(Class<T> type, int variant) {
    try {
      Object builder = type.getMethod("builder").invoke(null);
      for (Method accessor : type.getMethods()) {
        if (accessor.getParameterCount() != 0 || Modifier.isStatic(accessor.getModifiers())
            || accessor.getDeclaringClass() == Object.class) {
          continue;
        }
        Optional<Method> setter = setter(builder.getClass(), accessor.getName());
        if (setter.isPresent()) {
          setter.get().invoke(builder, value(accessor.getGenericReturnType(), variant, type, accessor.getName()));
        }
      }
      return type.cast(builder.getClass().getMethod("build").invoke(builder));
    } catch (InvocationTargetException e) {
      throw new AssertionError("cannot build a sample " + type.getSimpleName() + ": " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("not an Immutables value class: " + type.getName(), e);
    }
  }

  // The builder's one-argument method named after the attribute that takes the value itself (not an
  // Optional, not varargs).
  private static Optional<Method> setter(Class<?> builder, String attribute) {
    for (Method m : builder.getMethods()) {
      if (m.getName().equals(attribute) && m.getParameterCount() == 1 && m.getParameterTypes()[0] != Optional.class
          && !m.getParameterTypes()[0].isArray()) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  private static Object value(Type type, int variant, Class<?> owner, String attribute) {
    Class<?> raw = raw(type);
    if (raw == Optional.class || raw == List.class || Iterable.class.isAssignableFrom(raw) && raw != Map.class) {
      Object element = value(argument(type, 0), variant, owner, attribute);
      return raw == Optional.class ? element : List.of(element);
    }
    if (Map.class.isAssignableFrom(raw)) {
      return Map.of(value(argument(type, 0), 0, owner, attribute), value(argument(type, 1), variant, owner, attribute));
    }
    if (raw == String.class) {
      return variant == 0 ? "a" : "b";
    }
    if (raw == boolean.class) {
      return true;
    }
    if (raw == Boolean.class) {
      return variant == 0;
    }
    if (raw == int.class || raw == Integer.class) {
      return variant == 0 ? 1 : 2;
    }
    if (raw == Cidr.class) {
      return Cidr.parse(variant == 0 ? "10.0.0.1/32" : "10.0.0.2/32");
    }
    if (raw.isEnum()) {
      Object[] constants = raw.getEnumConstants();
      return constants[variant % constants.length];
    }
    try {
      raw.getMethod("builder");
    } catch (NoSuchMethodException e) {
      throw new AssertionError("no sample for type " + type.getTypeName() + " of " + owner.getSimpleName() + "."
          + attribute + ": add one to ValueSamples");
    }
    return sample(raw, variant);
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    if (type instanceof WildcardType w) {
      return raw(w.getUpperBounds()[0]);
    }
    throw new AssertionError("no sample for type " + type.getTypeName());
  }

  private static Type argument(Type type, int index) {
    return ((ParameterizedType) type).getActualTypeArguments()[index];
  }
}
