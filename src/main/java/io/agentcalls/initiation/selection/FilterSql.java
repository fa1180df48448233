package io.agentcalls.initiation.selection;

import io.agentcalls.common.ApiException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns filters into one SQL condition over the customer alias {@code c}, with named placeholders
 * only: standard columns come from {@link CustomerField}'s standard fields, custom field names and all
 * values are bound. A filter on a field that exists neither as a standard field nor as a custom field
 * of the campaign is a validation error naming it.
 */
public record FilterSql(String condition, Map<String, Object> parameters) {

    public static FilterSql of(List<CustomerFilter> filters, Set<String> customFieldNames) {
        Builder builder = new Builder(customFieldNames);
        filters.forEach(builder::add);
        if (!builder.errors.isEmpty()) {
            throw ApiException.validation(builder.errors);
        }
        String condition = builder.conditions.isEmpty() ? "TRUE" : String.join(" AND ", builder.conditions);
        return new FilterSql(condition, builder.parameters);
    }

    private static final class Builder {
        private final Set<String> customFieldNames;
        private final List<String> conditions = new ArrayList<>();
        private final Map<String, Object> parameters = new LinkedHashMap<>();
        private final List<String> errors = new ArrayList<>();

        Builder(Set<String> customFieldNames) {
            this.customFieldNames = customFieldNames;
        }

        void add(CustomerFilter filter) {
            Optional<CustomerField> field = CustomerField.resolve(filter.field(), customFieldNames);
            if (field.isEmpty()) {
                errors.add("filters." + filter.field() + " is not a customer field of this campaign");
                return;
            }
            if (filter instanceof CustomerFilter.AnyOf any) {
                conditions.add(membership(field.get(), any.values(), false));
            } else if (filter instanceof CustomerFilter.NoneOf none) {
                conditions.add(membership(field.get(), none.values(), true));
            } else if (filter instanceof CustomerFilter.DateRange range) {
                dateRange(field.get(), range);
            } else if (filter instanceof CustomerFilter.NumberRange range) {
                numberRange(field.get(), range);
            }
        }

        private String membership(CustomerField field, List<String> values, boolean negate) {
            if (values.isEmpty()) {
                return "TRUE";
            }
            String operator = negate ? " <> ALL(" : " = ANY(";
            if (field.isCustom()) {
                String name = bind(field.name());
                String match =
                        "coalesce(c.custom ->> " + name + " = ANY(" + bind(values.toArray(String[]::new)) + "), false)";
                return negate ? "NOT " + match : match;
            }
            String list = bind(values.toArray(String[]::new));
            return switch (field.type()) {
                case NUMBER -> typedMembership(field, values, list, operator, "numeric");
                case DATE -> typedMembership(field, values, list, operator, "date");
                default -> "c." + field.column() + operator + list + ")";
            };
        }

        private String typedMembership(CustomerField field, List<String> values, String list, String op, String type) {
            for (String value : values) {
                if (!parses(value, type)) {
                    errors.add("filters." + field.name() + " values must be "
                            + ("date".equals(type) ? "dates" : "numbers"));
                    return "TRUE";
                }
            }
            return "c." + field.column() + op + "CAST(" + list + " AS " + type + "[]))";
        }

        private void dateRange(CustomerField field, CustomerFilter.DateRange range) {
            String column = switch (field.type()) {
                case DATE -> "c." + field.column();
                case CUSTOM -> "try_date(c.custom ->> " + bind(field.name()) + ")";
                default -> null;
            };
            if (column == null) {
                errors.add("filters." + field.name() + " is not a date field; a {from,to} range needs one");
                return;
            }
            bounds(column, range.from(), range.to(), "date");
        }

        private void numberRange(CustomerField field, CustomerFilter.NumberRange range) {
            String column = switch (field.type()) {
                case NUMBER -> "c." + field.column();
                case CUSTOM -> "try_numeric(c.custom ->> " + bind(field.name()) + ")";
                default -> null;
            };
            if (column == null) {
                errors.add("filters." + field.name() + " is not a numeric field; a {min,max} range needs one");
                return;
            }
            bounds(column, range.min(), range.max(), "numeric");
        }

        private void bounds(String column, Object lower, Object upper, String type) {
            if (lower != null) {
                conditions.add(column + " >= CAST(" + bind(lower.toString()) + " AS " + type + ")");
            }
            if (upper != null) {
                conditions.add(column + " <= CAST(" + bind(upper.toString()) + " AS " + type + ")");
            }
            if (lower == null && upper == null) {
                conditions.add(column + " IS NOT NULL");
            }
        }

        private String bind(Object value) {
            String name = "f" + parameters.size();
            parameters.put(name, value);
            return ":" + name;
        }

        private static boolean parses(String value, String type) {
            try {
                if ("date".equals(type)) {
                    LocalDate.parse(value);
                } else {
                    new BigDecimal(value);
                }
                return true;
            } catch (NumberFormatException | DateTimeParseException e) {
                return false;
            }
        }
    }
}
