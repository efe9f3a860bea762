package com.switchboard.communication;

/** How soon a communication must reach people; lower-case is the API's spelling. */
public enum Urgency {
    critical,
    high,
    normal,
    low
}
