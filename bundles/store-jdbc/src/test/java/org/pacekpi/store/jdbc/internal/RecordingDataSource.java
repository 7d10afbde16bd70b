package org.pacekpi.store.jdbc.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

/** For tests that check which statements the store runs: a data source that records their SQL text. */
final class RecordingDataSource {

    private RecordingDataSource() {
    }

    /** The data source, recording the text of every statement prepared or executed through its connections. */
    static DataSource of(DataSource target, List<String> statements) {
        return (DataSource) Proxy.newProxyInstance(RecordingDataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return result instanceof Connection connection ? recording(connection, statements) : result;
                });
    }

    private static Connection recording(Connection target, List<String> statements) {
        return (Connection) Proxy.newProxyInstance(RecordingDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
                        statements.add(sql);
                    }
                    Object result = invoke(target, method, args);
                    if (result instanceof Statement statement && !method.getName().startsWith("prepare")) {
                        return Proxy.newProxyInstance(RecordingDataSource.class.getClassLoader(),
                                new Class<?>[] {Statement.class}, (p, m, a) -> {
                                    if (m.getName().startsWith("execute") && a != null && a[0] instanceof String sql) {
                                        statements.add(sql);
                                    }
                                    return invoke(statement, m, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
