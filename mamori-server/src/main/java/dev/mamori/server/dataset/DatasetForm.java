package dev.mamori.server.dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The dataset form as the browser sends it (a JavaBean, so a typo in a number comes back as a field error with what
 * the person typed, not as a failed request). It is checked as the {@link DatasetInput} it turns into.
 */
public class DatasetForm {

    /** One row of the items table of the form; types comma-separated. */
    public static class ItemRow {
        private String name = "";
        private String category = "";
        private String types = "";

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getCategory() {
            return category;
        }

        public void setCategory(String category) {
            this.category = category;
        }

        public String getTypes() {
            return types;
        }

        public void setTypes(String types) {
            this.types = types;
        }
    }

    /** One row of the 委託先 table of the form. */
    public static class ContractorRow {
        private String name = "";
        private String task = "";
        @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
        private java.time.LocalDate checkedOn;
        private String method = "";
        private String result = "";

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getTask() {
            return task;
        }

        public void setTask(String task) {
            this.task = task;
        }

        public java.time.LocalDate getCheckedOn() {
            return checkedOn;
        }

        public void setCheckedOn(java.time.LocalDate checkedOn) {
            this.checkedOn = checkedOn;
        }

        public String getMethod() {
            return method;
        }

        public void setMethod(String method) {
            this.method = method;
        }

        public String getResult() {
            return result;
        }

        public void setResult(String result) {
            this.result = result;
        }
    }

    /** Blank item rows offered below the filled ones. */
    static final int BLANK_ROWS = 3;

    private String name = "";
    private String purpose = "";
    private Long persons;
    private Long handlers;
    private String systemName;
    private String location;
    private String cloudProvider;
    private String cloudCountry;
    private String retention;
    @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
    private java.time.LocalDate piaPublishedOn;
    private String piaReference;
    private Integer version;
    private List<ItemRow> items = new ArrayList<>();
    private List<ContractorRow> contractors = new ArrayList<>();

    static DatasetForm of(DatasetInput in) {
        DatasetForm f = new DatasetForm();
        f.name = in.name();
        f.purpose = in.purpose();
        f.persons = in.persons();
        f.handlers = in.handlers();
        f.systemName = in.systemName();
        f.location = in.location();
        f.cloudProvider = in.cloudProvider();
        f.cloudCountry = in.cloudCountry();
        f.retention = in.retention();
        f.piaPublishedOn = in.piaPublishedOn();
        f.piaReference = in.piaReference();
        f.version = in.version();
        for (DataItem i : in.items()) {
            ItemRow r = new ItemRow();
            r.name = i.name();
            r.category = i.category() == null ? "" : i.category();
            r.types = String.join(",", i.types());
            f.items.add(r);
        }
        for (Contractor c : in.contractors()) {
            ContractorRow r = new ContractorRow();
            r.name = c.name();
            r.task = c.task();
            r.checkedOn = c.checkedOn();
            r.method = c.method();
            r.result = c.result();
            f.contractors.add(r);
        }
        return f.withBlankRows();
    }

    /** The form with blank rows to add items in (no script needed). */
    DatasetForm withBlankRows() {
        for (int i = 0; i < BLANK_ROWS; i++) {
            items.add(new ItemRow());
        }
        contractors.add(new ContractorRow());
        return this;
    }

    /** What the form says, without the item rows left blank. */
    DatasetInput toInput() {
        List<DataItem> list = new ArrayList<>();
        for (ItemRow r : items) {
            if (r != null && r.name != null && !r.name.isBlank()) {
                List<String> types = r.types == null || r.types.isBlank() ? List.of()
                        : Arrays.stream(r.types.split("[,、\\s]+")).filter(s -> !s.isBlank()).map(String::strip).toList();
                list.add(new DataItem(r.name.strip(), r.category, types));
            }
        }
        List<Contractor> outsourced = new ArrayList<>();
        for (ContractorRow r : contractors) {
            if (r != null && r.name != null && !r.name.isBlank()) {
                outsourced.add(new Contractor(r.name.strip(), blank(r.task), r.checkedOn, blank(r.method), blank(r.result)));
            }
        }
        return new DatasetInput(name, purpose, persons, handlers, systemName, location, cloudProvider, cloudCountry, retention,
                piaPublishedOn, piaReference, list, outsourced, version);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public List<ContractorRow> getContractors() {
        return contractors;
    }

    public void setContractors(List<ContractorRow> contractors) {
        this.contractors = contractors;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(String purpose) {
        this.purpose = purpose;
    }

    public Long getPersons() {
        return persons;
    }

    public void setPersons(Long persons) {
        this.persons = persons;
    }

    public Long getHandlers() {
        return handlers;
    }

    public void setHandlers(Long handlers) {
        this.handlers = handlers;
    }

    public String getSystemName() {
        return systemName;
    }

    public void setSystemName(String systemName) {
        this.systemName = systemName;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public String getCloudProvider() {
        return cloudProvider;
    }

    public void setCloudProvider(String cloudProvider) {
        this.cloudProvider = cloudProvider;
    }

    public String getCloudCountry() {
        return cloudCountry;
    }

    public void setCloudCountry(String cloudCountry) {
        this.cloudCountry = cloudCountry;
    }

    public String getRetention() {
        return retention;
    }

    public void setRetention(String retention) {
        this.retention = retention;
    }

    public java.time.LocalDate getPiaPublishedOn() {
        return piaPublishedOn;
    }

    public void setPiaPublishedOn(java.time.LocalDate piaPublishedOn) {
        this.piaPublishedOn = piaPublishedOn;
    }

    public String getPiaReference() {
        return piaReference;
    }

    public void setPiaReference(String piaReference) {
        this.piaReference = piaReference;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public List<ItemRow> getItems() {
        return items;
    }

    public void setItems(List<ItemRow> items) {
        this.items = items;
    }
}
