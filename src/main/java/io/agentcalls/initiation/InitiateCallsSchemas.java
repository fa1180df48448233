package io.agentcalls.initiation;

import io.agentcalls.customer.PaymentStatus;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.DateSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.LinkedHashSet;
import java.util.List;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The {@code filters} of Initiate Call(s) as schemas: "a string or an array of strings" and "any
 * field by name, as a value, a date range or a number range" are unions, which annotations on a
 * record cannot say; {@link CustomerFiltersReader} is what reads them.
 */
@Component
class InitiateCallsSchemas implements GlobalOpenApiCustomizer {

    static final String FILTERS = "CustomerFilters";
    static final String FILTERS_REF = "#/components/schemas/" + FILTERS;
    private static final String ONE_OR_MORE = "StringOrStrings";
    private static final String PAYMENT_STATUS = "PaymentStatusFilter";
    private static final String FIELD_FILTER = "FieldFilter";
    private static final String DATE_RANGE = "DateRange";
    private static final String NUMBER_RANGE = "NumberRange";

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents();
        components.addSchemas(
                ONE_OR_MORE,
                stringOrStrings("One value, or an array of values (any of them matches)", new StringSchema()));
        components.addSchemas(
                PAYMENT_STATUS,
                stringOrStrings(
                        "Payment status, one value or an array (any of them matches): "
                                + String.join(", ", PaymentStatus.VALUES),
                        new StringSchema()._enum(PaymentStatus.VALUES)));
        components.addSchemas(
                DATE_RANGE,
                new ObjectSchema()
                        .description("Dates from and to, both included; either may be absent")
                        .addProperty("from", new DateSchema().example("2025-08-01"))
                        .addProperty("to", new DateSchema().example("2025-08-31")));
        components.addSchemas(
                NUMBER_RANGE,
                new ObjectSchema()
                        .description("Numbers from min to max, both included; either may be absent")
                        .addProperty("min", new NumberSchema().example(5000))
                        .addProperty("max", new NumberSchema().example(20000)));
        components.addSchemas(
                FIELD_FILTER,
                new Schema<>()
                        .description("A filter on any customer field, standard or custom: a value or values (exact"
                                + " match), a {from,to} date range or a {min,max} number range")
                        .oneOf(List.of(ref(ONE_OR_MORE), ref(DATE_RANGE), ref(NUMBER_RANGE))));
        components.addSchemas(FILTERS, filters());
    }

    private static Schema<?> filters() {
        ArraySchema ids = new ArraySchema().items(new StringSchema());
        Schema<?> filters = new ObjectSchema()
                .description("Which customers to call; all given filters must hold (AND). Any other key names a"
                        + " customer field (emi_due_date, emi_amount, a custom field...) and filters on it")
                .addProperty("ids", ids.description("Only these customer ids (loan_id or lead_id)"))
                .addProperty(
                        "exclude_ids",
                        new ArraySchema().items(new StringSchema()).description("Never these customer ids"))
                .addProperty("payment_status", ref(PAYMENT_STATUS))
                .addProperty("language", ref(ONE_OR_MORE).description("Language: one value or an array"))
                .addProperty(
                        "custom",
                        new ObjectSchema()
                                .description("Custom fields, exact match: each a value or an array of values")
                                .additionalProperties(ref(ONE_OR_MORE)));
        filters.additionalProperties(ref(FIELD_FILTER));
        return filters;
    }

    /**
     * A string or an array of strings, as JSON Schema's type list says it rather than a oneOf: code
     * generators read a oneOf with an array member badly (openapi-generator's Java templates write
     * {@code List<String>.class}), a type list as "any value".
     */
    private static Schema<?> stringOrStrings(String description, Schema<?> items) {
        Schema<?> schema = new Schema<>().description(description).items(items);
        schema.setTypes(new LinkedHashSet<>(List.of("string", "array")));
        return schema;
    }

    private static Schema<?> ref(String name) {
        return new Schema<>().$ref("#/components/schemas/" + name);
    }
}
