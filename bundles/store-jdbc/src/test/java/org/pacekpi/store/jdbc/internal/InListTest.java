package org.pacekpi.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class InListTest {

    @Test
    void valuesAreSplitIntoChunksOfDistinctValuesInTheOrderFirstSeen() {
        List<String> values = new ArrayList<>(IntStream.range(0, 2345).mapToObj(i -> "v" + i).toList());
        values.add(3, "v0");
        values.add("v17");

        List<InList> chunks = InList.chunks(values);

        assertThat(chunks).extracting(chunk -> chunk.values().size()).containsExactly(1000, 1000, 345);
        assertThat(chunks.get(0).values()).startsWith("v0", "v1", "v2", "v3");
        assertThat(chunks.stream().flatMap(chunk -> chunk.values().stream()).toList())
                .isEqualTo(IntStream.range(0, 2345).mapToObj(i -> "v" + i).toList());
        assertThat(InList.chunks(List.of())).isEmpty();
    }

    @Test
    void chunksArePaddedToAFewSizesSoStatementTextsRepeat() {
        assertThat(List.of(1, 2, 3, 5, 100, 513, 1000)).map(n -> InList.chunks(
                IntStream.range(0, n).mapToObj(i -> "v" + i).toList()).get(0).paddedSize())
                .containsExactly(1, 2, 4, 8, 128, 1000, 1000);
        assertThat(InList.chunks(List.of("a", "b", "c")).get(0).placeholders()).isEqualTo("?, ?, ?, ?");
    }
}
