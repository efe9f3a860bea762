package com.switchboard.preference;

/** Who a stakeholder is to the business. */
public enum StakeholderType {
    Customer,
    Staff,
    Supplier
}
